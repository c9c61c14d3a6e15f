using System.Collections.Immutable;

namespace Reservations.Grains.Marketing;

/// <summary>Submitted testimonials (a single grain, key "all"): at most <see cref="MaxReviews"/>, the oldest pending one goes first.</summary>
[Alias("reservations.review-board")]
public interface IReviewBoardGrain : IGrainWithStringKey
{
    /// <summary>The board's one key.</summary>
    const string Key = "all";

    /// <summary>How many reviews are kept.</summary>
    const int MaxReviews = 500;

    /// <summary>Stores a review, not yet approved.</summary>
    Task<Review> SubmitAsync(string author, int rating, string text);

    /// <summary>The newest <paramref name="limit"/> reviews, newest first; only approved ones if <paramref name="approvedOnly"/>.</summary>
    Task<ImmutableArray<Review>> ListAsync(bool approvedOnly, int limit);

    /// <summary>Approves the review; null when there is none with that id.</summary>
    Task<Review?> ApproveAsync(long id);

    /// <summary>Removes the review; false when there is none with that id.</summary>
    Task<bool> RemoveAsync(long id);
}
