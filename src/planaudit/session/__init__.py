"""Each command's work between its options and its exit status: the language it speaks, its reports
delivered — files first, then GitHub's step summary, then standard output —, the run memo of `check`
and its replay. Above the library (api) and below the command line (cli), which only parses options."""
