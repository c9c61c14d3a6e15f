namespace Reservations.Web.Tests.Infrastructure;

/// <summary>A customer with a browser of their own, signed up on /demo and looking at an event's seats.</summary>
public sealed class Customer : IAsyncDisposable
{
    private Customer(Visitor browser) => Browser = browser;

    public Visitor Browser { get; }

    public DemoShop Shop => new(Browser.Page);

    public static async Task<Customer> ArriveAsync(Chromium chromium, WebEngine engine, (string AppId, string ApiKey) app, string email, string entityId, TimeSpan skew = default)
    {
        var customer = new Customer(await Visitor.OpenAsync(chromium, engine, skew));
        var shop = customer.Shop;
        await shop.ConfigureAsync(app.AppId, app.ApiKey);
        await shop.SignUpAsync(email);
        await shop.OpenEventAsync(entityId);
        return customer;
    }

    public ValueTask DisposeAsync() => Browser.DisposeAsync();
}
