from autograder.suites import make_tests

globals().update(make_tests("01_is_akisi"))
