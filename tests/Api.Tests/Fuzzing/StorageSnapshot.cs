using System.Net.Http.Json;
using System.Text;
using Reservations.Api.Tests.Infrastructure;

namespace Reservations.Api.Tests.Fuzzing;

/// <summary>
/// What the fixture's storage holds, read back through the API: apps, entities, seats and their
/// statuses, webhooks, bookings, and which accounts can log in (the fixture's can, the fuzzer's cannot).
/// </summary>
public static class StorageSnapshot
{
    public static async Task<string> TakeAsync(ApiFixture fixture, FuzzWorld world)
    {
        var admin = fixture.Admin();
        var text = new StringBuilder();
        async Task Read(HttpClient client, string path)
        {
            using var response = await client.GetAsync(path);
            text.Append("GET ").Append(path).Append(" -> ").Append((int)response.StatusCode).Append(' ').AppendLine(await response.Content.ReadAsStringAsync());
        }

        await Read(admin, "/admin/apps");
        foreach (var (app, entity) in new[] { (world.AppA, world.EntityA), (world.AppB, world.EntityB) })
        {
            await Read(admin, $"/admin/apps/{app}/entities");
            await Read(admin, $"/admin/apps/{app}/seats?entityId={entity}");
            await Read(admin, $"/admin/apps/{app}/webhooks");
            await Read(admin, $"/admin/bookings?appId={app}");
        }

        foreach (var user in new[] { fixture.UserA1, fixture.UserA2, fixture.UserB1 })
        {
            await Read(fixture.As(user), "/my-bookings");
        }

        var logins = new[]
        {
            (fixture.AppA, fixture.UserA1.Email, ApiFixture.UserPassword), (fixture.AppA, fixture.UserA2.Email, ApiFixture.UserPassword),
            (fixture.AppB, fixture.UserB1.Email, ApiFixture.UserPassword), (fixture.AppA, "fuzz@example.com", "fuzz-password-1"),
            (fixture.AppB, "fuzz@example.com", "fuzz-password-1"),
        };
        foreach (var (app, email, password) in logins)
        {
            using var response = await fixture.Tenant(app).PostAsJsonAsync("/auth/login", new { email, password });
            text.Append("login ").Append(email).Append(" in ").Append(app.AppId).Append(" -> ").Append((int)response.StatusCode).AppendLine();
        }

        return text.ToString();
    }
}
