namespace Reservations.Grains.Marketing;

/// <summary>The kept reviews, oldest first, and the last id given out.</summary>
[GenerateSerializer, Alias("reservations.review-board-state")]
public sealed class ReviewBoardState
{
    [Id(0)]
    public long LastId { get; set; }

    [Id(1)]
    public List<Review> Reviews { get; set; } = [];
}
