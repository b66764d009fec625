// ReadoutBuild: module under construction in this session; see docs/architecture.md.
