# syntax=docker/dockerfile:1
# One image for the whole suite: docker-compose.yml picks the service with its `command`
# (node dist/apps/<identity|tickets|portal|gateway>/src/main.js).

# --- build: install everything, compile to dist/, then drop the dev dependencies -----------------
FROM node:20-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json nest-cli.json ./
COPY apps ./apps
COPY libs ./libs
COPY scripts/bundle-services.mjs ./scripts/
RUN npm run build \
 && npm prune --omit=dev --no-audit --no-fund \
 && npm cache clean --force

# --- runtime: compiled code, production node_modules and package.json only, as user `node` -------
# NODE_ENV is left to the compose file: with NODE_ENV=production the settings require JWT_SECRET,
# which only the gateway uses.
FROM node:20-slim AS runtime
WORKDIR /app
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# Stack traces name the TypeScript sources through the bundles' maps, as under the start script
# (README, "Logs"); Node reads a map at the first stack it formats, not at load.
ENV NODE_OPTIONS=--enable-source-maps
# identity writes a generated administrator password under .run/ when ADMIN_PASSWORD is unset.
RUN mkdir -p /app/.run && chown node:node /app/.run
USER node
CMD ["node", "dist/apps/gateway/src/main.js"]
