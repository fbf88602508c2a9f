; Places where the parser had to recover: reported as diagnostics, the rest of the file is still read.
(ERROR) @error
