# Tarjama in a container: the CLI published self-contained on the .NET SDK image, then run as a non-root user on
# the small runtime-deps image. Models download once into the /models volume (the Hugging Face cache) and are reused;
# the server's background jobs are kept in the /data volume, so a new container finishes the old one's jobs.
#   docker build -t tarjama .
#   docker run -p 5000:5000 -v tarjama-models:/models -v tarjama-data:/data tarjama
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
ARG TARGETARCH
WORKDIR /src
COPY . .
RUN rid="linux-$([ "$TARGETARCH" = arm64 ] && echo arm64 || echo x64)" \
 && packaging/publish.sh "$rid" \
 && cp "dist/$rid/tarjama" /tarjama

FROM mcr.microsoft.com/dotnet/runtime-deps:10.0
COPY --from=build /tarjama /usr/local/bin/tarjama
# The image's own non-root user (uid 1654); the volumes are made before it so that it owns them. The user's data
# folder ($XDG_DATA_HOME) holds serve's jobs folder by default (tarjama/jobs).
RUN mkdir /models /data && chown app:app /models /data
ENV HF_HOME=/models \
    XDG_DATA_HOME=/data \
    DOTNET_BUNDLE_EXTRACT_BASE_DIR=/tmp/tarjama-bundle
USER app
VOLUME /models /data
EXPOSE 5000
ENTRYPOINT ["tarjama"]
CMD ["serve", "--host", "0.0.0.0", "--port", "5000", "-m", "opus-mt-ar-en", "-m", "opus-mt-en-ar"]
