using GamesDrop.Bff;
using GamesDrop.BuildingBlocks;
using GamesDrop.BuildingBlocks.Actors;
using GamesDrop.BuildingBlocks.Hosting;
using GamesDrop.Contracts;
using GamesDrop.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(AppIds.Bff);
builder.AddBuildingBlocks(new HostIdentity(AppIds.Bff, RuntimeProfile.Dapr, [AppIds.Bff]));
builder.AddBff();

var app = builder.Build();
app.UseServiceDefaults();
app.MapBuildingBlocks();
app.MapBff();
app.MapActorHosting();
app.Run();
