using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MimeKit;
using netDumbster.smtp;
using Reservations.Api.Tests.Infrastructure;
using Reservations.TestSupport;

namespace Reservations.Api.Tests.Onboarding;

/// <summary>The mail outbox against a real SMTP server on 127.0.0.1 (netDumbster, in process): delivery, and retry after the server was down.</summary>
public sealed class MailDeliveryTests(MailDeliveryTests.Fixture fixture) : IClassFixture<MailDeliveryTests.Fixture>
{
    public sealed class Fixture() : OnboardingFixture(new SqliteEngineStorage())
    {
        public int SmtpPort { get; } = FreePorts.Next();

        protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>(base.ExtraSettings)
        {
            ["Mail:Smtp:Host"] = "127.0.0.1",
            ["Mail:Smtp:Port"] = SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Mail:Smtp:Security"] = "None",
            ["Mail:Smtp:Timeout"] = "00:00:05",
            ["Mail:PollInterval"] = "00:00:00.050",
        };
    }

    [Fact]
    public async Task Link_SmtpServerUp_ArrivesByMailAndTheOutboxErasesTheBody()
    {
        using var server = SimpleSmtpServer.Start(fixture.SmtpPort);
        var email = $"mail-{Guid.NewGuid():N}@example.com";

        var created = await (await fixture.Anonymous().PostAsJsonAsync("/api/bookings", Infrastructure.Onboarding.Request(email))).ReadJsonAsync(HttpStatusCode.Created);

        var mail = await ReceivedAsync(server, email);
        Assert.Equal("Set up your reservations app", mail.Subject);
        Assert.Contains(created.GetProperty("onboardingUrl").GetString()!, mail.TextBody, StringComparison.Ordinal);
        var sent = await Eventually.ReturnsAsync(() => OutboxEntryAsync(email), m => m.GetProperty("status").GetString() == "Sent", "the outbox to record the delivery");
        Assert.Equal("", sent.GetProperty("body").GetString());
        Assert.True((await OutboxAsync()).GetProperty("smtpConfigured").GetBoolean());
    }

    [Fact]
    public async Task Link_SmtpServerDown_TheRequestStillAnswers_AndTheMailIsRetriedWithBackoffOnceItIsUp()
    {
        var email = $"retry-{Guid.NewGuid():N}@example.com";

        var created = await (await fixture.Anonymous().PostAsJsonAsync("/api/bookings", Infrastructure.Onboarding.Request(email))).ReadJsonAsync(HttpStatusCode.Created);
        var failed = await Eventually.ReturnsAsync(() => OutboxEntryAsync(email), m => m.GetProperty("attempts").GetInt32() == 1, "the first attempt to fail");
        Assert.Equal("Pending", failed.GetProperty("status").GetString());
        Assert.False(string.IsNullOrEmpty(failed.GetProperty("lastError").GetString()));
        Assert.Equal(fixture.Time.GetUtcNow().AddSeconds(30), failed.GetProperty("nextAttemptAt").GetDateTimeOffset());

        using var server = SimpleSmtpServer.Start(fixture.SmtpPort);
        fixture.Time.Advance(TimeSpan.FromSeconds(30));

        var mail = await ReceivedAsync(server, email);
        Assert.Contains(created.GetProperty("onboardingUrl").GetString()!, mail.TextBody, StringComparison.Ordinal);
        var sent = await Eventually.ReturnsAsync(() => OutboxEntryAsync(email), m => m.GetProperty("status").GetString() == "Sent", "the outbox to record the delivery");
        Assert.Equal(2, sent.GetProperty("attempts").GetInt32());
    }

    private static async Task<MimeMessage> ReceivedAsync(SimpleSmtpServer server, string to)
    {
        var raw = await Eventually.ReturnsAsync(
            () => Task.FromResult(server.ReceivedEmail.FirstOrDefault(m => m.ToAddresses.Any(a => a.Address == to))?.Data),
            data => data is not null, $"a mail to {to}");
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(raw!));
        return await MimeMessage.LoadAsync(stream);
    }

    private async Task<JsonElement> OutboxAsync() => await (await fixture.Admin().GetAsync("/admin/outbox?limit=200")).ReadJsonAsync(HttpStatusCode.OK);

    private async Task<JsonElement> OutboxEntryAsync(string to) =>
        (await OutboxAsync()).GetProperty("messages").EnumerateArray().Single(m => m.GetProperty("to").GetString() == to);
}
