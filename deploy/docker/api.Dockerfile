# src/Api: the HTTP API; in a cluster, a gateway (Engine__Mode=Gateway). Build from the repository root:
#   docker build -f deploy/docker/api.Dockerfile -t reservations-api .
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /repo
# Project files first, so the restore layer is reused while only sources change.
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY src/Grains.Abstractions/Grains.Abstractions.csproj src/Grains.Abstractions/
COPY src/Grains/Grains.csproj src/Grains/
COPY src/Ledger/Ledger.csproj src/Ledger/
COPY src/Persistence.Sqlite/Persistence.Sqlite.csproj src/Persistence.Sqlite/
COPY src/Silo/Silo.csproj src/Silo/
COPY src/Api/Api.csproj src/Api/
RUN dotnet restore src/Api/Api.csproj
COPY src/ src/
# src/Silo, which the API references, embeds the PostgreSQL schema.
COPY deploy/postgres/ deploy/postgres/
RUN dotnet publish src/Api/Api.csproj -c Release --no-restore -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
# The image's unprivileged user; numeric, so Kubernetes' runAsNonRoot can verify it.
USER $APP_UID
# appsettings.json listens on 127.0.0.1 only; a container must listen on every interface.
ENV Urls=http://0.0.0.0:8080
EXPOSE 8080
ENTRYPOINT ["dotnet", "Reservations.Api.dll"]
