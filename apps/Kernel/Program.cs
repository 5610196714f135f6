using GamesDrop.BuildingBlocks;
using GamesDrop.BuildingBlocks.Hosting;
using GamesDrop.Contracts;
using GamesDrop.Kernel;
using GamesDrop.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(AppIds.Kernel);
builder.AddBuildingBlocks(new HostIdentity(AppIds.Kernel, RuntimeProfile.Dapr, [AppIds.Kernel]));
builder.AddKernel();

var app = builder.Build();
app.UseServiceDefaults();
app.MapBuildingBlocks();
app.MapKernel();
app.Run();
