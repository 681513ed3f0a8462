"""What a build does around the pages: writing the generated files, copying the front-end
files, dating the output reproducibly."""
