# The Dapr sidecar with a health check. daprio/daprd is distroless (no shell, no HTTP client), so a static busybox
# brings sh, wget and friends for deploy/docker/daprd-healthz.sh, and nothing else changes in the image.
# Build: docker build -f deploy/docker/daprd.Dockerfile --build-arg DAPR_VERSION=1.19.0 -t $REGISTRY/daprd:1.19.0 .
ARG DAPR_VERSION=1.19.0

FROM busybox:1.37.0-musl AS probe
RUN mkdir -p /probe/state && cp /bin/busybox /probe/busybox \
 && for applet in sh wget timeout tr cat kill; do ln -s busybox "/probe/$applet"; done
COPY deploy/docker/daprd-healthz.sh /probe/daprd-healthz.sh

FROM daprio/daprd:${DAPR_VERSION}
# daprd runs as the image's nonroot user (65532), which keeps the probe's miss count.
COPY --from=probe --chown=65532:65532 /probe /probe
ENV PATH=/probe:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
# 12 misses 10 s apart: two minutes unready before compose restarts it; Swarm replaces it after 3 (unhealthy).
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=3 CMD ["/probe/sh", "/probe/daprd-healthz.sh"]
