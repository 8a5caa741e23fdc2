import { describe, expect, it } from 'vitest';
import { ARROWS, nodeInDirection } from '../../src/app/views/network-keys.ts';

describe('arrow keys between network nodes', () => {
  //   0 (0,0)   1 (10,1)   2 (30,0)
  //   3 (1,10)             4 (30,20)
  const nodes: [number, number][] = [[0, 0], [10, 1], [30, 0], [1, 10], [30, 20]];

  it('moves to the nearest node that lies in the arrow’s direction', () => {
    expect(nodeInDirection(nodes, 0, ARROWS.ArrowRight)).toBe(1);
    expect(nodeInDirection(nodes, 1, ARROWS.ArrowRight)).toBe(2);
    expect(nodeInDirection(nodes, 0, ARROWS.ArrowDown)).toBe(3);
    expect(nodeInDirection(nodes, 2, ARROWS.ArrowDown)).toBe(4);
    expect(nodeInDirection(nodes, 2, ARROWS.ArrowLeft)).toBe(1);
    expect(nodeInDirection(nodes, 3, ARROWS.ArrowUp)).toBe(0);
  });

  it('stays put at an edge, where no node lies that way', () => {
    expect(nodeInDirection(nodes, 0, ARROWS.ArrowLeft)).toBeNull();
    expect(nodeInDirection(nodes, 0, ARROWS.ArrowUp)).toBeNull();
    expect(nodeInDirection(nodes, 4, ARROWS.ArrowDown)).toBeNull();
  });

  it('steps through nodes drawn at the same place by their order', () => {
    const same: [number, number][] = [[5, 5], [5, 5], [5, 5]];
    expect(nodeInDirection(same, 0, ARROWS.ArrowRight)).toBe(1);
    expect(nodeInDirection(same, 1, ARROWS.ArrowRight)).toBe(2);
    expect(nodeInDirection(same, 2, ARROWS.ArrowLeft)).toBe(1);
    expect(nodeInDirection(same, 2, ARROWS.ArrowRight)).toBeNull();
  });
});
