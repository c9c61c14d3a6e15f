using Reservations.Api.Errors;
using Reservations.Api.Hosting;
using Reservations.Api.Security;
using Reservations.Grains.Channels;

namespace Reservations.Api.Endpoints;

/// <summary>
/// The sales channel a hold request speaks for: named by its <c>x-channel-key</c> header. Without the header
/// the request is public and nothing is asked of any grain, so apps without channels pay nothing.
/// </summary>
internal static class ChannelKeys
{
    public const string Header = "x-channel-key";

    public static readonly ProblemResult InvalidKey =
        ApiProblem.Of(StatusCodes.Status403Forbidden, "invalid_channel_key", "x-channel-key is not the key of one of this app's sales channels.");

    /// <summary>The channel's name (null for a public request), or the problem a bad key gets.</summary>
    public static async ValueTask<(string? Channel, ProblemResult? Problem)> ReadAsync(HttpContext http, GrainReferences grains)
    {
        if (!http.Request.Headers.TryGetValue(Header, out var values))
        {
            return (null, null);
        }

        var key = values.ToString();
        if (key.Length is 0 or > 100)
        {
            return (null, InvalidKey);
        }

        var channel = await grains.GetGrain<IChannelsGrain>(http.AppId()).ResolveAsync(key);
        return channel is null ? (null, InvalidKey) : (channel, null);
    }
}
