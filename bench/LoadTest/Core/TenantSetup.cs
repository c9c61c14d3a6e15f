using System.Security.Cryptography;
using Reservations.LoadTest.Invariants;
using Reservations.LoadTest.Scenarios;

namespace Reservations.LoadTest.Core;

/// <summary>Makes the run's own app and users through the admin and auth APIs of the first gateway; users are pinned round-robin.</summary>
internal static class TenantSetup
{
    public static async Task<ScenarioContext> CreateAsync(
        Gateways gateways, LoadTestOptions options, IRunObserver observer, ObservationLog log, CancellationToken cancellationToken)
    {
        var admin = new AdminClient(gateways.First);
        observer.Stage("Logging in as admin");
        await admin.LogInAsync(options.AdminUser, options.AdminPassword, cancellationToken);

        var runId = $"{DateTimeOffset.UtcNow:yyyyMMddHHmmss}-{RandomNumberGenerator.GetHexString(6, lowercase: true)}";
        observer.Stage($"Creating app loadtest-{runId}");
        var app = await admin.CreateAppAsync($"loadtest-{runId}", cancellationToken);
        await admin.LiftLimitsAsync(app.AppId, cancellationToken);
        var client = new TenantClient(gateways, app.AppId, app.ApiKey);
        if (options.WebhookUrl is { } webhookUrl)
        {
            observer.Stage(options.WebhookBatches ? "Registering a batching webhook endpoint for every event" : "Registering a webhook endpoint for every event");
            await admin.RegisterWebhookAsync(app.AppId, webhookUrl, options.WebhookBatches, cancellationToken);
        }

        var password = RandomNumberGenerator.GetHexString(24);
        var users = await observer.SignUpAsync(options.Users, async progress =>
        {
            var done = 0;
            var sessions = new UserSession[options.Users];
            await Parallel.ForEachAsync(
                Enumerable.Range(0, options.Users),
                new ParallelOptions { MaxDegreeOfParallelism = options.SignupConcurrency, CancellationToken = cancellationToken },
                async (i, token) =>
                {
                    sessions[i] = await client.SignUpAsync($"user{i}-{runId}@loadtest.example", password, $"Load user {i}", i % gateways.Count, token);
                    progress.Report(Interlocked.Increment(ref done));
                });
            return sessions;
        });

        return new ScenarioContext(client, admin, app.AppId, options, users, log);
    }
}
