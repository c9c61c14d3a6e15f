namespace Reservations.Web.Tests.Infrastructure;

/// <summary>Browser tests run one at a time over one Chromium: they share two cores with the engine.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<Chromium>
{
    public const string Name = "Browser";
}
