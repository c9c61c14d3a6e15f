using System.Collections.Immutable;

namespace Reservations.Grains.Marketing;

/// <summary>Testimonials awaiting approval and approved; when full, a new one pushes out the oldest pending one (or the oldest).</summary>
public sealed class ReviewBoardGrain([PersistentState("review-board")] IPersistentState<ReviewBoardState> board, TimeProvider time)
    : Grain, IReviewBoardGrain
{
    async Task<Review> IReviewBoardGrain.SubmitAsync(string author, int rating, string text)
    {
        var review = new Review(board.State.LastId + 1, author, rating, text, time.GetUtcNow(), Approved: false);
        var reviews = new List<Review>(board.State.Reviews);
        if (reviews.Count >= IReviewBoardGrain.MaxReviews)
        {
            var pending = reviews.FindIndex(r => !r.Approved);
            reviews.RemoveAt(pending >= 0 ? pending : 0);
        }

        reviews.Add(review);
        await StoreAsync(new ReviewBoardState { LastId = review.Id, Reviews = reviews });
        return review;
    }

    Task<ImmutableArray<Review>> IReviewBoardGrain.ListAsync(bool approvedOnly, int limit) =>
        Task.FromResult<ImmutableArray<Review>>([.. Enumerable.Reverse(board.State.Reviews).Where(r => r.Approved || !approvedOnly).Take(limit)]);

    async Task<Review?> IReviewBoardGrain.ApproveAsync(long id)
    {
        var index = board.State.Reviews.FindIndex(r => r.Id == id);
        if (index < 0)
        {
            return null;
        }

        var approved = board.State.Reviews[index] with { Approved = true };
        var reviews = new List<Review>(board.State.Reviews) { [index] = approved };
        await StoreAsync(new ReviewBoardState { LastId = board.State.LastId, Reviews = reviews });
        return approved;
    }

    async Task<bool> IReviewBoardGrain.RemoveAsync(long id)
    {
        var reviews = board.State.Reviews.Where(r => r.Id != id).ToList();
        if (reviews.Count == board.State.Reviews.Count)
        {
            return false;
        }

        await StoreAsync(new ReviewBoardState { LastId = board.State.LastId, Reviews = reviews });
        return true;
    }

    private async Task StoreAsync(ReviewBoardState next)
    {
        var previous = board.State;
        board.State = next;
        try
        {
            await board.WriteStateAsync();
        }
        catch
        {
            board.State = previous;
            throw;
        }
    }
}
