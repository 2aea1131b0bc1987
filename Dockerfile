# One image, two roles: the gateway (default command) and the standalone FSx emulator
# (docker-compose overrides the command). Built from the lockfile; no network at run time.
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
# The backup console (client/) is bundled by esbuild during the build, into dist/console/.
COPY client ./client
COPY scripts/build-console.mjs ./scripts/
RUN npm run build && npm prune --omit=dev

FROM node:24-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# The emulator's data file lives here (a named volume takes this directory's owner).
RUN mkdir -p /data && chown node:node /data
USER node
EXPOSE 4000 4566
CMD ["node", "dist/main.js"]
