# The Cadence sync service (src/server) as a container image.
#
#   docker build -t cadence-sync .
#   docker run --rm -p 8787:8787 -e DATABASE_URL=postgres://… -e JWT_SECRET=… cadence-sync
#
# Why not `npm ci --omit=dev` in the final image: package.json is the desktop app's, so that would
# install Electron's updater, llama.cpp, Whisper, sharp, keytar, uiohook… and compile their native
# parts (needing python, a compiler, libsecret and X11 headers), none of which the server loads.
# Instead the build stage bundles src/server with rolldown and copies only the packages the bundle
# imports, plus what they depend on, at the lock file's versions (scripts/build-server.sh
# --standalone). The one native package the server needs, argon2, ships N-API prebuilds for
# linux-x64/arm64 (glibc), which is why both stages are Debian-based node:22-slim and not Alpine.

# ---- build: full dependency tree (install scripts off), bundle, assemble out/server/ ----
FROM node:22-slim AS build
WORKDIR /src
ENV ELECTRON_SKIP_BINARY_DOWNLOAD=1 \
    ONNXRUNTIME_NODE_INSTALL=skip \
    npm_config_update_notifier=false
COPY package.json package-lock.json ./
# --ignore-scripts: no desktop postinstall runs (Electron download, llama.cpp build, keytar…).
# rolldown's native binding comes as an optional dependency, argon2's as a prebuild in its
# tarball, so neither needs a script.
RUN npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
COPY tsconfig.base.json tsconfig.node.json ./
COPY scripts/build-server.sh scripts/
# The server imports src/shared (the wire contract) and may reuse plain-Node code from src/main
# (the relay's platform connectors); the bundle takes only what main.ts reaches.
COPY src ./src
RUN bash scripts/build-server.sh --standalone --force
# Fail the build here, not at the first login, if argon2's prebuild does not load on this platform.
RUN if [ -d out/server/node_modules/argon2 ]; then \
      cd out/server && node -e "import('argon2').then((a) => a.default.hash('probe'))"; \
    fi

# ---- runtime: node + the bundle + its packages, as an unprivileged user ----
FROM node:22-slim AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=8787
RUN groupadd --system --gid 10001 cadence \
 && useradd --system --uid 10001 --gid cadence --no-create-home --shell /usr/sbin/nologin cadence
WORKDIR /app
# Owned by root and not writable by the service: it never writes to its own files.
COPY --from=build /src/out/server/ ./
USER 10001:10001
EXPOSE 8787
# Liveness for plain Docker; Kubernetes uses the probes in deploy/k8s/deployment.yaml instead.
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||8787)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# main.js drains on SIGTERM (readiness turns 503, in-flight requests finish, the pool closes).
STOPSIGNAL SIGTERM
CMD ["node", "--enable-source-maps", "main.js"]
