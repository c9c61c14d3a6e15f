namespace Reservations.Web.Tests.Infrastructure;

/// <summary>
/// Browser tests run one at a time over one Chromium and one engine on SQLite (each test makes apps
/// of its own): they share two cores with the engine, and one engine's start is paid once.
/// </summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<Chromium>, ICollectionFixture<SqliteWebEngine>
{
    public const string Name = "Browser";
}
