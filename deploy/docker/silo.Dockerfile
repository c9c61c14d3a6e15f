# src/Silo: the reservation grains, no HTTP API. Build from the repository root:
#   docker build -f deploy/docker/silo.Dockerfile -t reservations-silo .
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /repo
# Project files first, so the restore layer is reused while only sources change.
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY src/Grains.Abstractions/Grains.Abstractions.csproj src/Grains.Abstractions/
COPY src/Grains/Grains.csproj src/Grains/
COPY src/Ledger/Ledger.csproj src/Ledger/
COPY src/Persistence.Sqlite/Persistence.Sqlite.csproj src/Persistence.Sqlite/
COPY src/Silo/Silo.csproj src/Silo/
RUN dotnet restore src/Silo/Silo.csproj
COPY src/ src/
# Embedded in the build: the silo applies or checks this schema at start.
COPY deploy/postgres/ deploy/postgres/
RUN dotnet publish src/Silo/Silo.csproj -c Release --no-restore -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
# The image's unprivileged user; numeric, so Kubernetes' runAsNonRoot can verify it.
USER $APP_UID
# Probes and metrics reach the silo's HTTP listener from outside the container.
ENV Urls=http://0.0.0.0:5090
EXPOSE 5090 11111 30000
ENTRYPOINT ["dotnet", "Reservations.Silo.dll"]
