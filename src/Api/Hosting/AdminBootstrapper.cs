using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Reservations.Grains;
using Reservations.Grains.Admin;

namespace Reservations.Api.Hosting;

/// <summary>
/// Makes sure the admin account exists once the silo runs: the configured password wins; without one
/// the first start creates a random password and prints it to the console, that once.
/// </summary>
internal sealed class AdminBootstrapper(
    GrainReferences grains,
    IOptions<AdminOptions> options,
    EngineReadiness readiness,
    ILogger<AdminBootstrapper> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var admin = options.Value;
        var grain = grains.GetGrain<IAdminGrain>(admin.Username);
        if (!string.IsNullOrEmpty(admin.Password))
        {
            await grain.SetPasswordAsync(admin.Password);
            ApiLog.AdminPasswordFromConfiguration(logger, admin.Username);
        }
        else
        {
            var password = Secrets.Base64Url(RandomNumberGenerator.GetBytes(18));
            if (await grain.EnsureCreatedAsync(password))
            {
                // Straight to the console, never through logging: log sinks keep what they get.
                await Console.Out.WriteLineAsync(
                    $"Created the admin account. Log in at POST /admin/login with username \"{admin.Username}\" and password \"{password}\" "
                    + "(shown this once; set Admin__Password to choose your own).");
            }
        }

        readiness.MarkReady();
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
