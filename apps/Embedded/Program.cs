using GamesDrop.Bff;
using GamesDrop.BuildingBlocks;
using GamesDrop.BuildingBlocks.Hosting;
using GamesDrop.Checkout;
using GamesDrop.Contracts;
using GamesDrop.Embedded;
using GamesDrop.Embedded.Runtime;
using GamesDrop.Embedded.Runtime.Mail;
using GamesDrop.Embedded.Runtime.Workflows;
using GamesDrop.Kernel;
using GamesDrop.Notifier;
using GamesDrop.ServiceDefaults;
using GamesDrop.Suppliers;

// Every service in one process, each under a route group named by its app id (DESIGN.md, Embedded profile).
var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(EmbeddedHost.Id);
builder.AddEmbeddedBuildingBlocks(new HostIdentity(EmbeddedHost.Id, RuntimeProfile.Embedded, AppIds.All));
builder.AddKernel();
builder.AddBff();
builder.AddCheckout();
builder.AddSuppliers();
builder.AddNotifier();
builder.Services.AddEmbeddedWorkflows();
builder.Services.AddEmbeddedMail(builder.Configuration);

var app = builder.Build();
app.UseServiceDefaults();
app.MapApp(AppIds.Kernel).MapKernel();
app.MapApp(AppIds.Bff).MapBff();
app.MapApp(AppIds.Checkout).MapCheckout();
app.MapApp(AppIds.Suppliers).MapSuppliers();
app.MapApp(AppIds.Notifier).MapNotifier();
app.Run();
