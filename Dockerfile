# HotlineService: multi-stage build (SDK -> ASP.NET runtime), non-root, with a health check.
# Run against an external PostgreSQL (see README, "Run in a container").
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY Directory.Build.props Directory.Packages.props HotlineService.sln ./
COPY src/ src/
RUN dotnet publish src/Hotline.Web/Hotline.Web.csproj -c Release -o /app --nologo

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
COPY flows/ ./flows/
# curl for the health check only.
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
 && groupadd --system hotline && useradd --system --gid hotline --home /app hotline
USER hotline
ENV ASPNETCORE_URLS=http://+:8080 \
    DOTNET_RUNNING_IN_CONTAINER=true \
    Hotline__FlowFile=/app/flows/national.yaml \
    Hotline__PathwayFile=/app/flows/pathway.national.yaml \
    Hotline__AgenciesSeedFile=/app/flows/agencies.sample.yaml
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=3s --start-period=60s --retries=3 \
  CMD curl -fsS http://127.0.0.1:8080/health/ready || exit 1
ENTRYPOINT ["dotnet", "Hotline.Web.dll"]
