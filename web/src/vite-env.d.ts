/// <reference types="vite/client" />
// Vite's ambient types: lets TypeScript accept the CSS import in main.tsx.
