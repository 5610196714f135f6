using GamesDrop.Notifier;
using GamesDrop.BuildingBlocks;
using GamesDrop.BuildingBlocks.Hosting;
using GamesDrop.Contracts;
using GamesDrop.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(AppIds.Notifier);
builder.AddBuildingBlocks(new HostIdentity(AppIds.Notifier, RuntimeProfile.Dapr, [AppIds.Notifier]));
builder.AddNotifier();

var app = builder.Build();
app.UseServiceDefaults();
app.MapBuildingBlocks();
app.MapNotifier();
app.Run();
