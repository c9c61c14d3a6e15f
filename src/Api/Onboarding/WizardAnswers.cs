namespace Reservations.Api.Onboarding;

// The answers of each wizard step as the browser sends them (everything nullable: the validator
// says what is missing) and as they are stored once validated.

public sealed record WelcomeAnswers(bool? AcceptTerms);

public sealed record BusinessAnswers(string? BusinessName, string? ContactName, string? Email, string? Phone);

public sealed record InventoryAnswers(string? Domain, IReadOnlyList<EntityAnswer?>? Entities);

public sealed record EntityAnswer(string? EntityId, string? Name, IReadOnlyList<string?>? Items);

public sealed record PackagesAnswers(IReadOnlyList<BundleAnswer?>? Bundles);

public sealed record BundleAnswer(string? Name, IReadOnlyList<string?>? Items);

public sealed record PricingAnswers(string? Currency, decimal? DefaultPrice, IReadOnlyList<PriceAnswer?>? Prices);

public sealed record PriceAnswer(string? Item, decimal? Price);

public sealed record PaymentAnswers(string? Confirmation, string? WebhookUrl);

public sealed record CrewAnswers(IReadOnlyList<CrewMemberAnswer?>? Members);

public sealed record CrewMemberAnswer(string? Name, string? Email, string? Role);

public sealed record DeliveryAnswers(IReadOnlyList<string?>? AllowedDomains, int? HoldSeconds);

public sealed record ReviewAnswers(bool? Confirmed);
