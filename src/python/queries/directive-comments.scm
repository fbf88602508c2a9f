; `# schemaguard: renamed-from <old>` and `# schemaguard: ignore[<rule>] <reason>` comments.
((comment) @directive
  (#match? @directive "^#[ \t]*schemaguard:"))
