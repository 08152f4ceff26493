/* Compiled without the plugin (a lost --extra-cflags): its descriptions,
   if it had any, would go unchecked.  */
int plain(void)
{
    return 0;
}
