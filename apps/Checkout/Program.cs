using GamesDrop.Checkout;
using GamesDrop.BuildingBlocks;
using GamesDrop.BuildingBlocks.Hosting;
using GamesDrop.Contracts;
using GamesDrop.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(AppIds.Checkout);
builder.AddBuildingBlocks(new HostIdentity(AppIds.Checkout, RuntimeProfile.Dapr, [AppIds.Checkout]));
builder.AddCheckout();

var app = builder.Build();
app.UseServiceDefaults();
app.MapBuildingBlocks();
app.MapCheckout();
app.Run();
