using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using Reservations.Grains.Inventory;
using Reservations.Grains.Mail;
using Reservations.Grains.Tenants;
using Reservations.Grains.Users;

namespace Reservations.Grains.Onboarding;

/// <summary>
/// A booking request and its onboarding. It is the one place that decides whether a link is good
/// (current, unexpired, not used) and the one place an app is made from it: its calls run one at a
/// time, so concurrent completions queue here and the second finds the first's app.
/// </summary>
public sealed class BookingRequestGrain(
    [PersistentState("booking-request")] IPersistentState<BookingRequestState> booking, TimeProvider time) : Grain, IBookingRequestGrain
{
    private const string AppIdAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private BookingRequestState State => booking.State;

    private long BookingId => this.GetPrimaryKeyLong();

    async Task<DateTimeOffset?> IBookingRequestGrain.CreateAsync(BookingRequestData request, string tokenHash)
    {
        if (State.Request is not null)
        {
            return null;
        }

        State.Request = request;
        await IssueLinkAsync(tokenHash);
        return State.LinkExpiresAt;
    }

    async Task<BookingRequestView?> IBookingRequestGrain.ReissueLinkAsync(string tokenHash)
    {
        if (State.Request is null || State.AppId is not null)
        {
            return null;
        }

        var old = State.TokenHash;
        await IssueLinkAsync(tokenHash);
        // The request already refuses the old token (it is no longer the current one); this makes the
        // token's own record say "replaced" too.
        await GrainFactory.Reference<IOnboardingTokenGrain>(old).RevokeAsync();
        return View();
    }

    Task<OnboardingSession> IBookingRequestGrain.OpenAsync(string tokenHash) => Task.FromResult(Session(Check(tokenHash)));

    async Task<OnboardingSession> IBookingRequestGrain.SaveStepAsync(string tokenHash, int step, string answersJson)
    {
        var check = Check(tokenHash);
        if (check != LinkCheck.Valid)
        {
            return Session(check);
        }

        State.Answers[step] = answersJson;
        State.CurrentStep = Math.Max(State.CurrentStep, step);
        await WriteOrReloadAsync();
        return Session(check);
    }

    async Task<ActivationResult> IBookingRequestGrain.ActivateAsync(string tokenHash, ActivationPlan plan)
    {
        var check = Check(tokenHash);
        if (check != LinkCheck.Valid)
        {
            return new ActivationResult(check, check == LinkCheck.Used ? State.AppId : null, null, null);
        }

        if (State.PendingAppId is null)
        {
            State.PendingAppId = await FreeAppIdAsync();
            await WriteOrReloadAsync();
        }

        // Inventory and the organiser's account first: nothing reaches them until the app exists, so an
        // interruption before CreateAsync leaves nothing anyone can use, and a retry redoes these
        // (seeding the same seats again changes nothing).
        var appId = State.PendingAppId;
        foreach (var entity in plan.Entities)
        {
            await GrainFactory.Reference<IInventoryGrain>(GrainKeys.Scoped(appId, entity.EntityId)).TryAddSeatsAsync(entity.Seats);
        }

        var email = EmailAddress.Normalize(plan.OrganiserEmail);
        var password = Secrets.NewToken(18);
        var organiser = await GrainFactory.Reference<IUserGrain>(GrainKeys.Scoped(appId, email)).SignUpAsync(email, password, plan.OrganiserName);

        // The app's creation makes it live. If an interrupted attempt created it already, its key was
        // never shown: replace it.
        var tenant = GrainFactory.Reference<ITenantGrain>(appId);
        var apiKey = await tenant.CreateAsync(plan.Settings) ?? await tenant.RotateKeyAsync()
            ?? throw new InvalidOperationException($"App {appId} neither could be created nor exists.");

        await GrainFactory.Reference<IMailOutboxGrain>(IMailOutboxGrain.Key).EnqueueAsync(Confirmation(plan, appId));
        State.AppId = appId;
        State.ActivatedAt = time.GetUtcNow();
        await WriteOrReloadAsync();
        return new ActivationResult(LinkCheck.Valid, appId, apiKey, organiser is null ? null : password);
    }

    Task<BookingRequestView?> IBookingRequestGrain.GetAsync() => Task.FromResult(State.Request is null ? null : View());

    private LinkCheck Check(string tokenHash) =>
        State.Request is null ? LinkCheck.Unknown
        : State.AppId is not null ? LinkCheck.Used
        : !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(tokenHash), Encoding.ASCII.GetBytes(State.TokenHash)) ? LinkCheck.Replaced
        : time.GetUtcNow() >= State.LinkExpiresAt ? LinkCheck.Expired
        : LinkCheck.Valid;

    private OnboardingSession Session(LinkCheck check) => check == LinkCheck.Valid
        ? new OnboardingSession(check, BookingId, State.Request, State.CurrentStep, State.Answers.ToImmutableDictionary(), State.LinkExpiresAt, null)
        : OnboardingSession.Refused(check, BookingId, check == LinkCheck.Used ? State.AppId : null);

    private BookingRequestView View()
    {
        var status = State.AppId is not null ? OnboardingStatus.Activated
            : time.GetUtcNow() >= State.LinkExpiresAt ? OnboardingStatus.Expired
            : State.CurrentStep > 0 ? OnboardingStatus.InProgress
            : OnboardingStatus.LinkSent;
        return new BookingRequestView(BookingId, State.Request!, status, State.CurrentStep, State.LinksSent, State.LinkExpiresAt, State.AppId, State.ActivatedAt);
    }

    // The token's record is written first: if the request's write then fails, that record names a
    // request that does not accept its token, which answers as a replaced link.
    private async Task IssueLinkAsync(string tokenHash)
    {
        var expiresAt = time.GetUtcNow() + OnboardingLinks.Lifetime;
        await GrainFactory.Reference<IOnboardingTokenGrain>(tokenHash).StartAsync(BookingId, expiresAt);
        State.TokenHash = tokenHash;
        State.LinkExpiresAt = expiresAt;
        State.LinksSent++;
        await WriteOrReloadAsync();
    }

    private async Task<string> FreeAppIdAsync()
    {
        while (true)
        {
            var chars = RandomNumberGenerator.GetItems<char>(AppIdAlphabet, 12);
            var appId = $"APP-{new string(chars, 0, 4)}-{new string(chars, 4, 4)}-{new string(chars, 8, 4)}";
            if (await GrainFactory.Reference<ITenantGrain>(appId).GetAsync() is null)
            {
                return appId;
            }
        }
    }

    private static MailDraft Confirmation(ActivationPlan plan, string appId) => new(
        plan.OrganiserEmail,
        $"{plan.Settings.Name} is live on Reservations",
        $"""
        Hello {plan.OrganiserName},

        Your app "{plan.Settings.Name}" is live. Its app id is {appId}.

        Its API key and your dashboard password were shown once at the end of the onboarding wizard;
        we keep only their hashes. If you did not store them, reply to this message and we will issue
        a new key.
        """,
        DiscardAfter: null);

    // State is changed in place; a failed write reloads it, so memory never runs ahead of storage.
    private async Task WriteOrReloadAsync()
    {
        try
        {
            await booking.WriteStateAsync();
        }
        catch
        {
            await booking.ReadStateAsync();
            throw;
        }
    }
}
