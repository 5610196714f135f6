using GamesDrop.Suppliers;
using GamesDrop.BuildingBlocks;
using GamesDrop.BuildingBlocks.Hosting;
using GamesDrop.Contracts;
using GamesDrop.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(AppIds.Suppliers);
builder.AddBuildingBlocks(new HostIdentity(AppIds.Suppliers, RuntimeProfile.Dapr, [AppIds.Suppliers]));
builder.AddSuppliers();

var app = builder.Build();
app.UseServiceDefaults();
app.MapBuildingBlocks();
app.MapSuppliers();
app.Run();
