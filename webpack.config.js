// Builds the Excel task pane (the `yo office` layout, CommonJS).
//
//   npm run build        production → dist/ (hashed file names, manifest rewritten to urlProd)
//   npm run build:dev    development → dist/ (source maps, manifest keeps https://localhost:3000/)
//   npm run dev-server   https://localhost:3000 (http when no dev certificate can be obtained)
//
// See docs/addin.md.
'use strict';

const path = require('node:path');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const HtmlWebpackPlugin = require('html-webpack-plugin');

const urlDev = 'https://localhost:3000/';
// CHANGE THIS to where the production build (dist/) is hosted, with the trailing slash. Every
// `https://localhost:3000/` of manifest.xml becomes this URL in dist/manifest.xml.
const urlProd = 'https://inovasi-daerah.example.org/';

const port = 3000;

/** manifest.xml for production: every development URL replaced by urlProd. */
function productionManifest(content) {
  const text = content
    .toString()
    .split(urlDev)
    .join(urlProd)
    // AppDomain values carry no trailing slash.
    .split(urlDev.slice(0, -1))
    .join(urlProd.slice(0, -1));
  if (/localhost/i.test(text))
    throw new Error('dist/manifest.xml still mentions localhost after the URL rewrite');
  return text;
}

/** HTTPS options from office-addin-dev-certs, or null (then the dev server falls back to http). */
async function httpsOptions() {
  try {
    const devCerts = require('office-addin-dev-certs');
    const { ca, key, cert } = await devCerts.getHttpsServerOptions();
    return { ca, key, cert };
  } catch (err) {
    const reason = String((err && err.message) || err).split('\n')[0];
    console.warn(
      `\n[dev-server] No trusted development certificate (${reason}).\n` +
        `[dev-server] Serving plain http://localhost:${port}/ instead. Office requires https for add-ins:\n` +
        '[dev-server] run `npx office-addin-dev-certs install` where you may install a CA (needs admin/sudo).\n',
    );
    return null;
  }
}

// Shared with the browser test's fake-host bundle (test/e2e/run-e2e.js).
const typescriptResolve = {
  extensions: ['.ts', '.tsx', '.js', '.json'],
  // Sources may import './x.js' meaning './x.ts' (TypeScript's node16 style).
  extensionAlias: { '.js': ['.ts', '.tsx', '.js'] },
};

const typescriptRule = {
  test: /\.tsx?$/,
  exclude: /node_modules/,
  use: {
    loader: 'ts-loader',
    options: {
      configFile: path.resolve(__dirname, 'tsconfig.json'),
      transpileOnly: true,
      // tsconfig.json targets Node (CommonJS); the bundle needs ES modules so that webpack can
      // tree-shake Fluent UI and split `import()` into lazy chunks.
      // ES2020: WebKit before Safari 16.4 (Excel on macOS 12 and iPadOS 15) cannot parse ES2022's class
      // fields and static blocks, so the pane would stay blank there (issue 22).
      compilerOptions: {
        module: 'esnext',
        moduleResolution: 'bundler',
        target: 'es2020',
        useDefineForClassFields: true,
      },
    },
  },
};

/**
 * The pane's dependencies (React, Fluent UI, fflate, @noble/hashes …) ship ES2022 (class static
 * blocks, class fields): downlevelled to ES2020 by the TypeScript compiler already installed, one file
 * at a time (`transpileOnly`), keeping ES modules for tree shaking. `useDefineForClassFields` keeps
 * the fields' define semantics. test/addin/es2020.test.ts parses every dist/*.js as ES2020.
 */
const dependencyRule = {
  test: /\.m?js$/,
  include: /[\\/]node_modules[\\/]/,
  use: {
    loader: 'ts-loader',
    options: {
      instance: 'dependencies',
      configFile: path.resolve(__dirname, 'tsconfig.json'),
      transpileOnly: true,
      compilerOptions: {
        allowJs: true,
        checkJs: false,
        module: 'esnext',
        moduleResolution: 'bundler',
        target: 'es2020',
        useDefineForClassFields: true,
        sourceMap: false,
        // node_modules may be a symlink to another checkout: outside the project's rootDir.
        rootDir: path.parse(__dirname).root,
      },
    },
  },
};

module.exports = async (env = {}, argv = {}) => {
  const dev = argv.mode !== 'production';
  const serving = Boolean(env.WEBPACK_SERVE);
  const https = serving ? await httpsOptions() : null;
  const scheme = https ? 'https' : 'http';

  return {
    mode: dev ? 'development' : 'production',
    devtool: dev ? 'source-map' : false,
    entry: {
      taskpane: './src/taskpane/index.tsx',
    },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: dev ? '[name].js' : '[name].[contenthash].js',
      chunkFilename: dev ? '[name].js' : '[name].[contenthash].js',
      clean: true,
    },
    resolve: typescriptResolve,
    // ES2020 syntax for the runtime webpack writes and what the minifier may produce (see dependencyRule).
    target: ['web', 'es2020'],
    module: { rules: [typescriptRule, dependencyRule] },
    optimization: {
      splitChunks: {
        chunks: 'all',
        cacheGroups: {
          // The .xlsx reader (src/xlsx + fflate) is import()-ed when a file is picked: its own lazy chunk.
          xlsxReader: {
            test: /[\\/](?:src[\\/]xlsx|node_modules[\\/]fflate)[\\/]/,
            name: 'xlsx-reader',
            chunks: 'async',
            priority: 20,
            enforce: true,
          },
          // React + Fluent UI and the other libraries of the initial load, cached apart from our code.
          vendors: {
            test: /[\\/]node_modules[\\/]/,
            name: 'vendors',
            chunks: 'initial',
            priority: 10,
          },
          default: false,
        },
      },
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['taskpane'],
        // Development only: the dev server's live-reload WebSocket (connect-src in the CSP).
        devConnectSrc: dev ? ` ws://localhost:${port} wss://localhost:${port}` : '',
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          { from: 'assets/bantuan.html', to: 'bantuan.html' },
          // The help page shows a few of the user guide's screenshots (docs/panduan/).
          { from: 'docs/panduan/gambar/*.png', to: 'panduan/gambar/[name][ext]' },
          {
            from: 'manifest.xml',
            to: '[name][ext]',
            transform: (content) => (dev ? content : productionManifest(content)),
          },
        ],
      }),
    ],
    performance: { hints: false },
    devServer: {
      port,
      hot: true,
      static: false,
      headers: { 'Access-Control-Allow-Origin': '*' },
      server: https ? { type: 'https', options: https } : { type: 'http' },
      client: { webSocketURL: `${scheme === 'https' ? 'wss' : 'ws'}://localhost:${port}/ws` },
    },
  };
};

module.exports.urlDev = urlDev;
module.exports.typescriptResolve = typescriptResolve;
module.exports.typescriptRule = typescriptRule;
module.exports.urlProd = urlProd;
