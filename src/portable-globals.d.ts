/**
 * Host functions the pure core may use although ES2022 does not define them: every
 * target (Node ≥ 20, browsers, web workers) provides them with the same behaviour.
 * Only the core's tsconfig reads this file; the others get these names from DOM or Node.
 */

/** A deep copy of plain data (HTML structured clone). */
declare function structuredClone<T>(value: T): T;
