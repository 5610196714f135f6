using GamesDrop.Sandbox;
using GamesDrop.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddCommandLine(args, SandboxApp.CommandLineSwitches);
builder.AddServiceDefaults(SandboxApp.Id);
builder.AddSandbox();

var app = builder.Build();
app.UseServiceDefaults();
app.MapSandbox();
app.Run();
