from autograder.suites import make_tests

globals().update(make_tests("09_deney_takibi"))
