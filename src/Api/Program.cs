using Reservations.Api.Endpoints;
using Reservations.Api.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddEngine();
builder.AddApiConventions();

var app = builder.Build();
app.UseApiConventions();
app.MapHealthEndpoints();
app.MapAuthEndpoints();
app.MapSeatEndpoints();
app.MapBookingEndpoints();
app.MapAdminEndpoints();
app.Run();

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
