// Node 20 is the project's runtime; silence the SDK's notice about its future releases (see src/main.ts).
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
