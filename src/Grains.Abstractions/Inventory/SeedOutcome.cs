namespace Reservations.Grains.Inventory;

/// <summary>How a seeding ended.</summary>
public enum SeedOutcome
{
    /// <summary>Every requested seat exists now.</summary>
    Seeded,

    /// <summary>The entity is new and its app already has as many entities as it may; nothing was added.</summary>
    TooManyEntities,
}
