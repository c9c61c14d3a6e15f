using System.Net;
using System.Runtime.CompilerServices;
using Polly;
using Polly.Retry;

namespace Reservations.Client;

/// <summary>
/// The engine answers 503 with Retry-After when a silo is moving or storage is briefly down; the call is
/// tried again after that delay (capped), with the same Idempotency-Key.
/// </summary>
internal static class RetryOn503
{
    private static readonly ConditionalWeakTable<ReservationsClientOptions, ResiliencePipeline<HttpResponseMessage>> Pipelines = [];

    /// <summary>The pipeline of these options, built once: the HttpClient factory makes a client per use.</summary>
    public static ResiliencePipeline<HttpResponseMessage> For(ReservationsClientOptions options) => Pipelines.GetValue(options, Build);

    private static ResiliencePipeline<HttpResponseMessage> Build(ReservationsClientOptions options)
    {
        if (options.MaxRetries <= 0)
        {
            return ResiliencePipeline<HttpResponseMessage>.Empty;
        }

        return new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = options.TimeProvider }
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxRetries,
                ShouldHandle = static args => ValueTask.FromResult(args.Outcome.Result?.StatusCode == HttpStatusCode.ServiceUnavailable),
                BackoffType = DelayBackoffType.Constant,
                Delay = TimeSpan.FromSeconds(1),
                MaxDelay = options.MaxRetryDelay,
                DelayGenerator = static args => ValueTask.FromResult(args.Outcome.Result is { } response ? RetryAfter(response) : null),
            })
            .Build();
    }

    /// <summary>The answer's Retry-After as a delay (never negative), or null when it said none.</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - DateTimeOffset.UtcNow is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
        _ => null,
    };
}
