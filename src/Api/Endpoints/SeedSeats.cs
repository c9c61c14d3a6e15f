using System.Collections.Immutable;
using Reservations.Api.Contracts;
using Reservations.Api.Errors;
using Reservations.Grains.BestSeats;
using Reservations.Grains.Inventory;

namespace Reservations.Api.Endpoints;

/// <summary>
/// Reads the seats of a <c>POST /admin/seed-data</c>: numbers, prices, and optionally a place in the hall
/// (row and position together, a section) and a category. A seat of a listed category takes the
/// category's price; a seat that also names a price must name the same one.
/// </summary>
internal static class SeedSeats
{
    public const int MaxSeats = 100_000;
    private const int MaxCategories = 50;
    private const decimal MaxPrice = 1_000_000_000m;

    public static ProblemResult? TryRead(SeedDataRequest request, out ImmutableArray<SeatSpec> specs)
    {
        specs = [];
        if (request.Seats is not { Count: > 0 and <= MaxSeats } seats)
        {
            return ApiProblem.Validation($"seats must hold between 1 and {MaxSeats} seats.");
        }

        if (ReadCategories(request.Categories, out var categories) is { } badCategory)
        {
            return badCategory;
        }

        var builder = ImmutableArray.CreateBuilder<SeatSpec>(seats.Count);
        var numbers = new HashSet<string>(StringComparer.Ordinal);
        var places = new HashSet<(string?, string, int)>();
        foreach (var seat in seats)
        {
            if (seat is null || Check.Text(seat.SeatNumber, "seatNumber", 50) is not null)
            {
                return ApiProblem.Validation("every seat needs a seatNumber of 1 to 50 characters.");
            }

            if (!numbers.Add(seat.SeatNumber!.Trim()))
            {
                return ApiProblem.Validation($"seatNumber {seat.SeatNumber} appears twice.");
            }

            if (ReadPrice(seat, categories, out var price) is { } badPrice)
            {
                return badPrice;
            }

            if (ReadPlace(seat, out var place) is { } badPlace)
            {
                return badPlace;
            }

            if (place is not null && !places.Add((place.Section, place.Row, place.Position)))
            {
                return ApiProblem.Validation($"seat {seat.SeatNumber} has the place of another seat (section, row and position).");
            }

            builder.Add(new SeatSpec(seat.SeatNumber.Trim(), price, place, seat.Category?.Trim()));
        }

        specs = builder.MoveToImmutable();
        return null;
    }

    /// <summary>The entity's focal point for best available, if the request sets one.</summary>
    public static ProblemResult? TryReadFocalPoint(FocalPointRequest? request, out FocalPoint? focal)
    {
        focal = null;
        if (request is null)
        {
            return null;
        }

        if (((request.Section is null ? null : Check.Text(request.Section, "focalPoint.section", 50))
            ?? (request.Row is null ? null : Check.Text(request.Row, "focalPoint.row", 20))) is { } invalid)
        {
            return invalid;
        }

        if (request.Position is < 1 or > 10_000)
        {
            return ApiProblem.Validation("focalPoint.position must be between 1 and 10000.");
        }

        focal = new FocalPoint(request.Section?.Trim(), request.Row?.Trim(), request.Position);
        return null;
    }

    private static ProblemResult? ReadCategories(IReadOnlyList<SeedCategoryRequest?>? listed, out Dictionary<string, decimal> categories)
    {
        categories = new Dictionary<string, decimal>(StringComparer.Ordinal);
        if (listed is null)
        {
            return null;
        }

        if (listed.Count > MaxCategories)
        {
            return ApiProblem.Validation($"categories may list at most {MaxCategories} categories.");
        }

        foreach (var category in listed)
        {
            if (category is null || Check.Text(category.Name, "categories[].name", 50) is not null)
            {
                return ApiProblem.Validation("every category needs a name of 1 to 50 characters.");
            }

            if (category.Price is not { } price || price < 0 || price > MaxPrice)
            {
                return ApiProblem.Validation($"category {category.Name} needs a price between 0 and {MaxPrice}.");
            }

            if (!categories.TryAdd(category.Name!.Trim(), price))
            {
                return ApiProblem.Validation($"category {category.Name} appears twice.");
            }
        }

        return null;
    }

    private static ProblemResult? ReadPrice(SeedSeatRequest seat, Dictionary<string, decimal> categories, out decimal price)
    {
        price = 0;
        decimal? listed = null;
        if (seat.Category is not null)
        {
            if (Check.Text(seat.Category, "category", 50) is { } invalid)
            {
                return invalid;
            }

            listed = categories.TryGetValue(seat.Category.Trim(), out var categoryPrice) ? categoryPrice : null;
        }

        if ((seat.Price ?? listed) is not { } chosen || chosen < 0 || chosen > MaxPrice)
        {
            return ApiProblem.Validation($"every seat needs a price between 0 and {MaxPrice}, or a category listed in categories.");
        }

        if (listed is { } fixedPrice && seat.Price is { } own && own != fixedPrice)
        {
            return ApiProblem.Validation($"seat {seat.SeatNumber} is priced {own}, but its category {seat.Category} costs {fixedPrice}.");
        }

        price = chosen;
        return null;
    }

    private static ProblemResult? ReadPlace(SeedSeatRequest seat, out SeatPlace? place)
    {
        place = null;
        if (seat.Row is null && seat.Position is null)
        {
            return seat.Section is null && seat.Accessible is null
                ? null
                : ApiProblem.Validation($"seat {seat.SeatNumber} has a section or accessible flag but no row and position.");
        }

        if ((Check.Text(seat.Row, "row", 20) ?? (seat.Section is null ? null : Check.Text(seat.Section, "section", 50))) is { } invalid)
        {
            return invalid;
        }

        if (seat.Position is not (>= 1 and <= 10_000))
        {
            return ApiProblem.Validation($"seat {seat.SeatNumber} needs a position between 1 and 10000 with its row.");
        }

        place = new SeatPlace(seat.Section?.Trim(), seat.Row!.Trim(), seat.Position.Value, seat.Accessible ?? false);
        return null;
    }
}
