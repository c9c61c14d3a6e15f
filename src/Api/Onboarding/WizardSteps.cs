using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Reservations.Api.Errors;

namespace Reservations.Api.Onboarding;

/// <summary>
/// The server's check of each wizard step (1 to 9; step 10 is the completion itself). A step's
/// answers are validated, trimmed and stored as JSON; later steps are checked against earlier ones.
/// Every refusal names the step and the field to fix.
/// </summary>
internal static class WizardSteps
{
    public const int LastSavedStep = 9;
    public const string TestEntityId = "onboarding-test";
    public const int MaxEntities = 10;
    public const int MaxItemsPerEntity = 500;
    public const int MaxBundles = 20;
    public const int MaxCrew = 20;
    public const int MinHoldSeconds = 60;
    public const int MaxHoldSeconds = 600;
    private const decimal MaxPrice = 1_000_000m;
    private static readonly string[] Domains = ["EVENT", "BUS", "MOVIE", "RENTAL"];
    private static readonly string[] Roles = ["OWNER", "MANAGER", "STAFF"];
    private static readonly string[] Confirmations = ["ONLINE", "MANUAL"];

    private static OnboardingJsonContext Json => OnboardingJsonContext.Default;

    /// <summary>Checks step <paramref name="step"/>'s answers against the steps saved before; on success <paramref name="stored"/> is what to keep.</summary>
    public static ProblemResult? Validate(int step, JsonElement answers, IReadOnlyDictionary<int, string> saved, out string stored)
    {
        stored = "";
        if (answers.ValueKind != JsonValueKind.Object)
        {
            return Invalid(step, "answers must be a JSON object.");
        }

        try
        {
            return step switch
            {
                1 => Welcome(Read(answers, Json.WelcomeAnswers), out stored),
                2 => Business(Read(answers, Json.BusinessAnswers), out stored),
                3 => Inventory(Read(answers, Json.InventoryAnswers), out stored),
                4 => Packages(Read(answers, Json.PackagesAnswers), saved, out stored),
                5 => Pricing(Read(answers, Json.PricingAnswers), saved, out stored),
                6 => Payment(Read(answers, Json.PaymentAnswers), out stored),
                7 => Crew(Read(answers, Json.CrewAnswers), out stored),
                8 => Delivery(Read(answers, Json.DeliveryAnswers), out stored),
                9 => Review(Read(answers, Json.ReviewAnswers), saved, out stored),
                _ => ApiProblem.Validation($"step must be between 1 and {LastSavedStep}; step 10 is POST /api/onboarding/complete."),
            };
        }
        catch (JsonException exception)
        {
            return Invalid(step, $"answers do not have the expected shape ({exception.Path ?? "$"}): check the field types.");
        }
    }

    /// <summary>A saved step's answers, read back.</summary>
    public static T? Saved<T>(IReadOnlyDictionary<int, string> saved, int step, JsonTypeInfo<T> type) =>
        saved.TryGetValue(step, out var json) ? JsonSerializer.Deserialize(json, type) : default;

    /// <summary>The steps of 1 to 9 not saved yet.</summary>
    public static IEnumerable<int> Missing(IReadOnlyDictionary<int, string> saved) => Enumerable.Range(1, LastSavedStep).Where(s => !saved.ContainsKey(s));

    private static T Read<T>(JsonElement answers, JsonTypeInfo<T> type) => answers.Deserialize(type) ?? throw new JsonException("null");

    private static ProblemResult Invalid(int step, string detail) => ApiProblem.Validation($"Step {step}: {detail}");

    private static ProblemResult? Welcome(WelcomeAnswers answers, out string stored)
    {
        stored = "";
        if (answers.AcceptTerms != true)
        {
            return Invalid(1, "acceptTerms must be true: agree to the terms of service to continue.");
        }

        stored = JsonSerializer.Serialize(answers, Json.WelcomeAnswers);
        return null;
    }

    private static ProblemResult? Business(BusinessAnswers answers, out string stored)
    {
        stored = "";
        var problem = Text(2, answers.BusinessName, "businessName", 100) ?? Text(2, answers.ContactName, "contactName", 100)
            ?? (Check.Email(answers.Email) is null ? null : Invalid(2, "email is not an email address."))
            ?? Phone(2, answers.Phone);
        if (problem is not null)
        {
            return problem;
        }

        stored = JsonSerializer.Serialize(new BusinessAnswers(answers.BusinessName!.Trim(), answers.ContactName!.Trim(), answers.Email!.Trim(), answers.Phone!.Trim()), Json.BusinessAnswers);
        return null;
    }

    private static ProblemResult? Inventory(InventoryAnswers answers, out string stored)
    {
        stored = "";
        var domain = answers.Domain?.Trim().ToUpperInvariant();
        if (domain is null || !Domains.Contains(domain))
        {
            return Invalid(3, $"domain must be one of {string.Join(", ", Domains)}.");
        }

        if (answers.Entities is not { Count: > 0 and <= MaxEntities } entities)
        {
            return Invalid(3, $"list between 1 and {MaxEntities} things to reserve (entities).");
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        var normalised = new List<EntityAnswer?>();
        foreach (var entity in entities)
        {
            var id = entity?.EntityId?.Trim();
            if (Check.Id(id, "entityId", 50) is not null)
            {
                return Invalid(3, "every entity needs an id of 1 to 50 letters, digits, '-', '_', '.' or ':'.");
            }

            if (id == TestEntityId || !ids.Add(id!))
            {
                return Invalid(3, $"entity id {id} is {(id == TestEntityId ? "reserved for the test in step 9" : "used twice")}; choose another.");
            }

            if (Text(3, entity!.Name, $"the name of {id}", 100) is { } badName)
            {
                return badName;
            }

            if (entity.Items is not { Count: > 0 and <= MaxItemsPerEntity } items)
            {
                return Invalid(3, $"{id} needs between 1 and {MaxItemsPerEntity} items (seats or rental items).");
            }

            var names = new List<string?>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var item in items)
            {
                var name = item?.Trim();
                if (Check.Text(name, "item", 50) is not null)
                {
                    return Invalid(3, $"every item of {id} needs a name of 1 to 50 characters.");
                }

                if (!seen.Add(name!))
                {
                    return Invalid(3, $"item {name} appears twice in {id}.");
                }

                names.Add(name);
            }

            normalised.Add(new EntityAnswer(id, entity.Name!.Trim(), names));
        }

        stored = JsonSerializer.Serialize(new InventoryAnswers(domain, normalised), Json.InventoryAnswers);
        return null;
    }

    private static ProblemResult? Packages(PackagesAnswers answers, IReadOnlyDictionary<int, string> saved, out string stored)
    {
        stored = "";
        if (Saved(saved, 3, Json.InventoryAnswers) is not { } inventory)
        {
            return Invalid(4, "save step 3 (what is reserved) first: bundles are made of its items.");
        }

        var bundles = answers.Bundles ?? [];
        if (bundles.Count > MaxBundles)
        {
            return Invalid(4, $"at most {MaxBundles} bundles.");
        }

        var normalised = new List<BundleAnswer?>();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var bundle in bundles)
        {
            if (Text(4, bundle?.Name, "every bundle's name", 100) is { } badName)
            {
                return badName;
            }

            if (!names.Add(bundle!.Name!.Trim()))
            {
                return Invalid(4, $"bundle {bundle.Name!.Trim()} is listed twice.");
            }

            var items = (bundle.Items ?? []).Select(i => i?.Trim()).Where(i => !string.IsNullOrEmpty(i)).Distinct().ToList();
            if (items.Count is < 2 or > 20)
            {
                return Invalid(4, $"bundle {bundle.Name!.Trim()} must hold between 2 and 20 different items.");
            }

            if (UnknownItem(inventory, items) is { } unknown)
            {
                return Invalid(4, $"bundle {bundle.Name!.Trim()} names {unknown}, which is not an item of step 3.");
            }

            normalised.Add(new BundleAnswer(bundle.Name!.Trim(), items));
        }

        stored = JsonSerializer.Serialize(new PackagesAnswers(normalised), Json.PackagesAnswers);
        return null;
    }

    private static ProblemResult? Pricing(PricingAnswers answers, IReadOnlyDictionary<int, string> saved, out string stored)
    {
        stored = "";
        if (Saved(saved, 3, Json.InventoryAnswers) is not { } inventory)
        {
            return Invalid(5, "save step 3 (what is reserved) first: prices are set on its items.");
        }

        var currency = answers.Currency?.Trim().ToUpperInvariant();
        if (currency is not { Length: 3 } || !currency.All(char.IsAsciiLetterUpper))
        {
            return Invalid(5, "currency must be a three-letter code such as EUR.");
        }

        if (answers.DefaultPrice is not { } defaultPrice || defaultPrice < 0 || defaultPrice > MaxPrice)
        {
            return Invalid(5, $"defaultPrice must be between 0 and {MaxPrice}.");
        }

        var prices = new List<PriceAnswer?>();
        var priced = new HashSet<string>(StringComparer.Ordinal);
        foreach (var price in answers.Prices ?? [])
        {
            var item = price?.Item?.Trim();
            if (string.IsNullOrEmpty(item) || UnknownItem(inventory, [item]) is not null)
            {
                return Invalid(5, $"a price is set on {(string.IsNullOrEmpty(item) ? "an empty item" : item)}, which is not an item of step 3.");
            }

            if (price!.Price is not { } amount || amount < 0 || amount > MaxPrice)
            {
                return Invalid(5, $"the price of {item} must be between 0 and {MaxPrice}.");
            }

            if (!priced.Add(item))
            {
                return Invalid(5, $"{item} is priced twice.");
            }

            prices.Add(new PriceAnswer(item, amount));
        }

        stored = JsonSerializer.Serialize(new PricingAnswers(currency, defaultPrice, prices), Json.PricingAnswers);
        return null;
    }

    private static ProblemResult? Payment(PaymentAnswers answers, out string stored)
    {
        stored = "";
        var confirmation = answers.Confirmation?.Trim().ToUpperInvariant();
        if (confirmation is null || !Confirmations.Contains(confirmation))
        {
            return Invalid(6, "confirmation must be ONLINE (a payment provider confirms) or MANUAL (your staff confirm).");
        }

        var webhook = string.IsNullOrWhiteSpace(answers.WebhookUrl) ? null : answers.WebhookUrl.Trim();
        if (confirmation == "ONLINE" && webhook is null)
        {
            return Invalid(6, "webhookUrl is required when a payment provider confirms bookings.");
        }

        if (webhook is not null && !IsWebhookUrl(webhook))
        {
            return Invalid(6, "webhookUrl must be an https:// address of at most 500 characters.");
        }

        stored = JsonSerializer.Serialize(new PaymentAnswers(confirmation, webhook), Json.PaymentAnswers);
        return null;
    }

    private static ProblemResult? Crew(CrewAnswers answers, out string stored)
    {
        stored = "";
        var members = answers.Members ?? [];
        if (members.Count > MaxCrew)
        {
            return Invalid(7, $"at most {MaxCrew} crew members.");
        }

        var normalised = new List<CrewMemberAnswer?>();
        var emails = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var member in members)
        {
            if (Text(7, member?.Name, "every crew member's name", 100) is { } badName)
            {
                return badName;
            }

            if (Check.Email(member!.Email) is not null)
            {
                return Invalid(7, $"the email of {member.Name!.Trim()} is not an email address.");
            }

            var role = member.Role?.Trim().ToUpperInvariant();
            if (role is null || !Roles.Contains(role))
            {
                return Invalid(7, $"the role of {member.Name!.Trim()} must be one of {string.Join(", ", Roles)}.");
            }

            if (!emails.Add(member.Email!.Trim()))
            {
                return Invalid(7, $"{member.Email!.Trim()} is listed twice.");
            }

            normalised.Add(new CrewMemberAnswer(member.Name!.Trim(), member.Email!.Trim(), role));
        }

        stored = JsonSerializer.Serialize(new CrewAnswers(normalised), Json.CrewAnswers);
        return null;
    }

    private static ProblemResult? Delivery(DeliveryAnswers answers, out string stored)
    {
        stored = "";
        var domains = answers.AllowedDomains ?? [];
        if (domains.Count > AllowedOrigins.MaxEntries)
        {
            return Invalid(8, $"at most {AllowedOrigins.MaxEntries} allowed domains.");
        }

        var origins = new List<string?>();
        foreach (var domain in domains)
        {
            if (AllowedOrigins.Normalise(domain) is not { } origin)
            {
                return Invalid(8, $"\"{domain}\" is not an origin (https://shop.example) or a host name (shop.example).");
            }

            origins.Add(origin);
        }

        if (answers.HoldSeconds is not { } hold || hold < MinHoldSeconds || hold > MaxHoldSeconds)
        {
            return Invalid(8, $"holdSeconds must be between {MinHoldSeconds} and {MaxHoldSeconds}.");
        }

        stored = JsonSerializer.Serialize(new DeliveryAnswers(origins, hold), Json.DeliveryAnswers);
        return null;
    }

    private static ProblemResult? Review(ReviewAnswers answers, IReadOnlyDictionary<int, string> saved, out string stored)
    {
        stored = "";
        var missing = Enumerable.Range(1, 8).Where(s => !saved.ContainsKey(s)).ToList();
        if (missing.Count > 0)
        {
            return Invalid(9, $"complete step{(missing.Count > 1 ? "s" : "")} {string.Join(", ", missing)} first.");
        }

        // Step 3 may have changed after steps 4 and 5 were saved.
        var inventory = Saved(saved, 3, Json.InventoryAnswers)!;
        foreach (var bundle in Saved(saved, 4, Json.PackagesAnswers)!.Bundles ?? [])
        {
            if (UnknownItem(inventory, bundle!.Items!) is { } unknown)
            {
                return Invalid(9, $"bundle {bundle.Name} of step 4 names {unknown}, which step 3 no longer has: go back to step 4.");
            }
        }

        foreach (var price in Saved(saved, 5, Json.PricingAnswers)!.Prices ?? [])
        {
            if (UnknownItem(inventory, [price!.Item]) is { } unknown)
            {
                return Invalid(9, $"step 5 prices {unknown}, which step 3 no longer has: go back to step 5.");
            }
        }

        if (answers.Confirmed != true)
        {
            return Invalid(9, "confirmed must be true: confirm that the app may be created.");
        }

        stored = JsonSerializer.Serialize(answers, Json.ReviewAnswers);
        return null;
    }

    private static string? UnknownItem(InventoryAnswers inventory, IEnumerable<string?> items)
    {
        var known = inventory.Entities!.SelectMany(e => e!.Items!).ToImmutableHashSet(StringComparer.Ordinal);
        return items.FirstOrDefault(i => i is null || !known.Contains(i));
    }

    private static ProblemResult? Text(int step, string? value, string name, int max) =>
        string.IsNullOrWhiteSpace(value) ? Invalid(step, $"{name} is required.")
        : value.Trim().Length > max ? Invalid(step, $"{name} must be at most {max} characters.")
        : value.Any(char.IsControl) ? Invalid(step, $"{name} must not contain control characters.")
        : null;

    private static ProblemResult? Phone(int step, string? phone) =>
        phone is null || phone.Trim().Length is < 6 or > 30 || !phone.Trim().All(c => char.IsAsciiDigit(c) || c is '+' or ' ' or '-' or '(' or ')')
            ? Invalid(step, "phone must be 6 to 30 digits, spaces and + - ( ).")
            : null;

    private static bool IsWebhookUrl(string value) =>
        value.Length <= 500 && Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && !string.IsNullOrEmpty(uri.Host);
}
