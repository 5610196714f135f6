# syntax=docker/dockerfile:1
# One image recipe for every .NET service: docker build -f deploy/docker/dotnet.Dockerfile --build-arg APP=Kernel .
# APP is the project folder under apps/ (Bff, Kernel, Checkout, Suppliers, Notifier).
ARG DOTNET_VERSION=10.0

FROM mcr.microsoft.com/dotnet/sdk:${DOTNET_VERSION}-alpine AS build
ARG APP
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY apps/ apps/
# The cache mount keeps NuGet packages between builds without a layer per project file.
RUN --mount=type=cache,id=nuget,target=/root/.nuget/packages \
    : "${APP:?pass --build-arg APP=<project folder under apps/>}" && \
    dotnet publish "apps/$APP/$APP.csproj" -c Release -o /out -p:UseAppHost=false

# Alpine's busybox gives the health check its wget; globalization is invariant (Directory.Build.props), so no ICU.
FROM mcr.microsoft.com/dotnet/aspnet:${DOTNET_VERSION}-alpine AS runtime
ARG APP
# Compose and the stack set ASPNETCORE_HTTP_PORTS per app; the health check reads it too.
# Workstation GC keeps a small container under its memory limit.
ENV APP=$APP \
    ASPNETCORE_HTTP_PORTS=8080 \
    DOTNET_gcServer=0
WORKDIR /app
COPY --from=build --chown=root:root /out ./
# The image's unprivileged "app" user; it can read the app but not change it.
USER $APP_UID
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s --retries=3 \
    CMD wget -q -O /dev/null "http://127.0.0.1:${ASPNETCORE_HTTP_PORTS}/health/live" || exit 1
# Shell form only to pick the assembly by APP; exec hands PID 1 and signals to dotnet.
ENTRYPOINT ["/bin/sh", "-c", "exec dotnet \"/app/$APP.dll\" \"$@\"", "--"]
