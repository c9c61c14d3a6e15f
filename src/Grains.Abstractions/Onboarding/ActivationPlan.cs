using System.Collections.Immutable;
using Reservations.Grains.Tenants;

namespace Reservations.Grains.Onboarding;

/// <summary>The app the wizard's answers describe: made the same way every time from the same answers, so a retry redoes the same work.</summary>
[GenerateSerializer, Immutable, Alias("reservations.activation-plan")]
public sealed record ActivationPlan(
    [property: Id(0)] TenantSettings Settings,
    [property: Id(1)] ImmutableArray<EntityPlan> Entities,
    [property: Id(2)] string OrganiserEmail,
    [property: Id(3)] string OrganiserName);
