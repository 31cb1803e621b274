import "@testing-library/jest-dom";
import { configure } from "@testing-library/react";

// Role queries over a rendered data grid are slow in jsdom, more so on a shared 2-core machine.
configure({ asyncUtilTimeout: 8000 });
