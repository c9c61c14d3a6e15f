using Reservations.Grains.BestSeats;

namespace Reservations.Grains.Tests.BestSeats;

/// <summary>
/// Small halls drawn as text, one row a line, front first: "Stalls/A: ..X.." is row A of section Stalls
/// ("A: ..." a hall of one section), a character per position from 1: '.' free, 'X' taken, 'p' a free
/// Premium seat, 'a' a free accessible seat, ' ' no seat (an aisle). A choice is drawn with '#'.
/// </summary>
internal sealed class HallPicture
{
    private readonly string[] _lines;

    public HallPicture(params string[] lines)
    {
        _lines = lines;
        var seats = new List<HallSeat>();
        var free = new List<bool>();
        foreach (var line in lines)
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var name = line[..colon];
            var slash = name.IndexOf('/', StringComparison.Ordinal);
            var (section, row) = slash < 0 ? ((string?)null, name) : (name[..slash], name[(slash + 1)..]);
            var cells = line[(colon + 2)..];
            for (var i = 0; i < cells.Length; i++)
            {
                if (cells[i] != ' ')
                {
                    seats.Add(new HallSeat(seats.Count, section, row, i + 1, cells[i] == 'p' ? "Premium" : null, cells[i] == 'a'));
                    free.Add(cells[i] != 'X');
                }
            }
        }

        Hall = new Hall(seats);
        Free = [.. free];
    }

    public Hall Hall { get; }

    public bool[] Free { get; }

    public int[]? Choose(BestSeatsRequest request, FocalPoint? focal = null) => BestSeatChooser.Choose(Hall, Free, Free, request, focal);

    /// <summary>The hall with <paramref name="chosen"/> drawn as '#'.</summary>
    public string[] Draw(IEnumerable<int> chosen)
    {
        var marked = chosen.ToHashSet();
        var seat = 0;
        return [.. _lines.Select(line =>
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var cells = line[(colon + 2)..].Select(c => c == ' ' ? ' ' : marked.Contains(seat++) ? '#' : c);
            return line[..(colon + 2)] + string.Concat(cells);
        })];
    }
}
