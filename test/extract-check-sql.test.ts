// CHECK constraints written as SQLAlchemy expressions (src/extract/check-sql.ts): what is compiled is checked
// against the oracle in fixtures/models/check-constraint-expressions; here, what is not compiled keeps the
// expression's source text (value-text.ts exprText: qualifiers dropped) instead of a guess.
import { describe, expect, it } from 'vitest';
import { extractSchema } from '../src/extract/index.js';

async function checks(body: string): Promise<string[]> {
  const text = [
    'import os',
    'import sqlalchemy as sa',
    'from sqlalchemy.orm import declarative_base',
    'Base = declarative_base()',
    'class Run(Base):',
    '    __tablename__ = "runs"',
    '    id = sa.Column(sa.Integer, primary_key=True)',
    '    score = sa.Column(sa.Integer)',
    '    label = sa.Column(sa.String(20))',
    `    __table_args__ = (${body},)`,
    '',
  ].join('\n');
  const { schema } = await extractSchema([{ path: 'm.py', text }], { dialect: 'postgresql' });
  return schema.tables[0]!.check_constraints.map((c) => c.sqltext);
}

describe('CHECK constraints over expressions', () => {
  it('compiles the operators it knows', async () => {
    expect(await checks('sa.CheckConstraint(sa.and_(score >= 0, label.in_(["a", "b"])))')).toEqual(["score >= 0 AND label IN ('a', 'b')"]);
  });

  it('keeps the source text of an operator it does not compile (SQLAlchemy casts for true division)', async () => {
    expect(await checks('sa.CheckConstraint(score / 2 > 1)')).toEqual(['score / 2 > 1']);
  });

  it('keeps the source text of an operation it does not compile (true division differs per dialect)', async () => {
    expect(await checks('sa.CheckConstraint(score / 2 > 1)')).toEqual(['score / 2 > 1']);
  });

  it('keeps the source text when a literal is not known statically', async () => {
    expect(await checks('sa.CheckConstraint(score < int(os.environ["MAX_SCORE"]))')).toEqual(["score < int(environ['MAX_SCORE'])"]);
  });

  it('keeps an f-string with its placeholders when a value in it is not known statically', async () => {
    expect(await checks('sa.CheckConstraint(f"score BETWEEN 0 AND {os.environ[\'MAX\']}")')).toEqual(["score BETWEEN 0 AND {environ['MAX']}"]);
  });

  it('keeps the source text of an empty IN, which SQLAlchemy compiles to an expression of its own', async () => {
    expect(await checks('sa.CheckConstraint(label.in_([]))')).toEqual(['in_(list)']);
  });
});
