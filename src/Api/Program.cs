using Reservations.Api.Endpoints;
using Reservations.Api.Hosting;
using Reservations.Api.Onboarding;
using Reservations.Api.SeatMap;
using Reservations.Api.Security;
using Reservations.Api.Web;

var builder = WebApplication.CreateBuilder(args);
builder.AddEngine();
builder.AddApiConventions();
builder.AddObservability();
builder.AddSeatMap();
builder.AddWebPages();
builder.AddOnboarding();

var app = builder.Build();
app.UseSecurityHeaders();
app.UseWebPages();
app.UseApiConventions();
app.MapWebPages();
app.MapObservability();
AuthEndpoints.Map(app);
SeatEndpoints.Map(app);
GroupEndpoints.Map(app);
BestSeatsEndpoints.Map(app);
ChannelEndpoints.Map(app);
HoldTimeEndpoints.Map(app);
BookingEndpoints.Map(app);
PaymentNotificationEndpoints.Map(app);
AdminEndpoints.Map(app);
EntityEndpoints.Map(app);
UsageHistoryEndpoints.Map(app);
WebhookEndpoints.Map(app);
MarketingEndpoints.Map(app);
OnboardingEndpoints.Map(app);
app.Run();

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
