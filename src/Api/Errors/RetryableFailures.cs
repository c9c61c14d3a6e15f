using System.Data.Common;
using Orleans.Runtime;
using Orleans.Runtime.Messaging;
using Orleans.Storage;

namespace Reservations.Api.Errors;

/// <summary>
/// Failures that say "not now" rather than "never": the engine did not answer in time, a silo or a
/// connection went away while a grain moves, a stale activation lost an ETag race and will reload,
/// the database reports a transient error, or a storage queue is full (<see cref="LimitExceededException"/>). The same request is likely to succeed shortly, so the
/// API answers 503 with Retry-After instead of 500.
/// </summary>
internal static class RetryableFailures
{
    public static bool IsRetryable(Exception exception)
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            if (current is TimeoutException
                or OrleansMessageRejectionException
                or GatewayTooBusyException
                or ClientNotAvailableException
                or ConnectionFailedException
                or InconsistentStateException
                or LimitExceededException
                or DbException { IsTransient: true })
            {
                return true;
            }
        }

        return false;
    }
}
